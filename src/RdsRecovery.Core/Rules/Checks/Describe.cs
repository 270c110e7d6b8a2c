namespace RdsRecovery.Rules.Checks;

/// <summary>How rule messages name things, so every message reads the same way.</summary>
internal static class Describe
{
    public static string Instance(string role, RdsInstance instance) =>
        string.IsNullOrEmpty(instance.Name) || instance.Name == instance.Id
            ? $"{role} {instance.Id}"
            : $"{role} {instance.Name} ({instance.Id})";

    public static string Engine(RdsInstance instance)
    {
        var engine = RdsEngines.Parse(instance.Engine);
        return engine == RdsEngine.Unknown ? instance.Engine : RdsEngines.DisplayName(engine);
    }

    /// <summary>A fact counts as given when it is not blank (null, empty or white space).</summary>
    public static bool NotBlank(string? value) => !string.IsNullOrWhiteSpace(value);
}
