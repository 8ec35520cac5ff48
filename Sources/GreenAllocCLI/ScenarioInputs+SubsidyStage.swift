internal import GreenAllocCore
internal import GreenAllocInputs

extension ScenarioInputs {
    /// The inputs without the `loans` section, for the commands that report the subsidy stage only (`explain`,
    /// `sweep`): they solve no loan stage that nobody would see. The subsidy stage does not read `loans`, so its plan is the same.
    var subsidyStageOnly: ScenarioInputs {
        var inputs = self
        inputs.scenario.loans = nil
        return inputs
    }
}
