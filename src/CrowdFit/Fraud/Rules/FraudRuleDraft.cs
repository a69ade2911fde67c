namespace CrowdFit.Fraud.Rules;

/// <summary>Turns the properties of one rule object into a <see cref="FraudRule"/>, checking that they fit its kind.</summary>
internal static class FraudRuleDraft
{
    /// <summary>Builds the rule.</summary>
    /// <param name="properties">The properties read, each with the line of its value.</param>
    /// <param name="path">JSON path of the rule, for example <c>rules[2]</c>.</param>
    /// <param name="line">Line of the rule's opening brace, where missing properties are reported.</param>
    /// <exception cref="FraudRuleException">A property is missing, out of range or does not apply to the kind.</exception>
    public static FraudRule Build(List<Property> properties, string path, int line)
    {
        var kindProperty = Find(properties, "kind") ?? throw new FraudRuleException(line, path + ".kind", $"missing \"kind\"; expected one of {FraudRuleReader.Kinds}");
        var kindText = kindProperty.Text!;
        var kind = kindText switch
        {
            "max-rate" => FraudRuleKind.MaxRate,
            "min-seconds" => FraudRuleKind.MinSeconds,
            "max-seconds" => FraudRuleKind.MaxSeconds,
            "max-failed-gold" => FraudRuleKind.MaxFailedGold,
            "country-mismatch" => FraudRuleKind.CountryMismatch,
            _ => throw new FraudRuleException(kindProperty.Line, path + ".kind", $"unknown kind \"{kindText}\"; expected one of {FraudRuleReader.Kinds}"),
        };
        string[] numbers = kind switch
        {
            FraudRuleKind.MaxRate => ["answers", "seconds"],
            FraudRuleKind.MinSeconds or FraudRuleKind.MaxSeconds => ["seconds"],
            FraudRuleKind.MaxFailedGold => ["count"],
            _ => ["min_share"],
        };
        foreach (var p in properties)
        {
            if (p.Text is null && Array.IndexOf(numbers, p.Name) < 0)
            {
                throw new FraudRuleException(p.Line, $"{path}.{p.Name}", $"\"{p.Name}\" does not apply to a {kindText} rule, which takes {string.Join(" and ", numbers)}");
            }
        }

        var name = Find(properties, "name") ?? throw new FraudRuleException(line, path + ".name", "missing \"name\"; every rule needs a name for its reasons");
        if (string.IsNullOrWhiteSpace(name.Text))
        {
            throw new FraudRuleException(name.Line, path + ".name", "expected a non-empty name, found an empty string");
        }

        var action = Find(properties, "action") switch
        {
            null => kind == FraudRuleKind.MaxFailedGold ? FraudRuleAction.Suspend : FraudRuleAction.Flag,
            { Text: "flag" } => FraudRuleAction.Flag,
            { Text: "suspend" } => FraudRuleAction.Suspend,
            var other => throw new FraudRuleException(other.Value.Line, path + ".action", $"expected \"flag\" or \"suspend\", found \"{other.Value.Text}\""),
        };
        var taskType = Find(properties, "task_type");
        if (taskType is { Text: var type } && string.IsNullOrWhiteSpace(type))
        {
            throw new FraudRuleException(taskType.Value.Line, path + ".task_type", "expected a task type, found an empty string");
        }

        var number = new Numbers(properties, path, line, kindText, numbers);
        return new FraudRule
        {
            Name = name.Text,
            Kind = kind,
            Action = action,
            TaskType = taskType?.Text,
            Answers = kind == FraudRuleKind.MaxRate ? number.Whole("answers", 1) : 0,
            Seconds = kind is FraudRuleKind.MaxRate or FraudRuleKind.MinSeconds or FraudRuleKind.MaxSeconds ? number.Positive("seconds") : 0,
            Count = kind == FraudRuleKind.MaxFailedGold ? number.Whole("count", 0) : 0,
            MinShare = kind == FraudRuleKind.CountryMismatch ? number.Share("min_share") : 0,
            Line = line,
        };
    }

    private static Property? Find(List<Property> properties, string name)
    {
        foreach (var p in properties)
        {
            if (p.Name == name)
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>One property of a rule object: its text (string properties) or number, and the line of its value.</summary>
    internal readonly record struct Property(string Name, string? Text, double Number, int Line);

    /// <summary>Reads the required numbers of one rule, reporting a missing one at the rule and a bad one at its value.</summary>
    private readonly struct Numbers(List<Property> properties, string path, int line, string kind, string[] needed)
    {
        public int Whole(string name, int min)
        {
            var (value, at) = Get(name);
            return value >= min && value <= int.MaxValue && value == Math.Floor(value)
                ? (int)value
                : throw new FraudRuleException(at, $"{path}.{name}", FraudRuleReader.Invariant($"expected a whole number ≥ {min}, found {value}"));
        }

        public double Positive(string name)
        {
            var (value, at) = Get(name);
            return value > 0 ? value : throw new FraudRuleException(at, $"{path}.{name}", FraudRuleReader.Invariant($"expected a number of seconds > 0, found {value}"));
        }

        public double Share(string name)
        {
            var (value, at) = Get(name);
            return value is >= 0 and < 1 ? value : throw new FraudRuleException(at, $"{path}.{name}", FraudRuleReader.Invariant($"expected a share in [0, 1), found {value}"));
        }

        private (double Value, int Line) Get(string name) =>
            Find(properties, name) is { } p
                ? (p.Number, p.Line)
                : throw new FraudRuleException(line, $"{path}.{name}", $"missing \"{name}\"; a {kind} rule needs {string.Join(" and ", needed)}");
    }
}
