using System.Text.Json;
using CrowdFit.Fraud.Rules;

namespace CrowdFit.Service.Projects;

/// <summary>Reads a project's hard fraud rules (SPEC D6) with the engine's rule reader, and names those the service cannot check.</summary>
internal static class ProjectRules
{
    private static readonly JsonDocumentOptions s_read = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// The rules as stored: the request's object in the shape of a rule file, or an array of rules wrapped as
    /// <c>{"rules": [...]}</c>; null when there are none. When they are not valid, adds an error named <c>rules</c>
    /// giving the JSON path (such as <c>rules[1].seconds</c>), the line within the rules value and what was expected.
    /// </summary>
    public static string? Validate(JsonElement? rules, Dictionary<string, string[]> errors)
    {
        if (rules is not { ValueKind: not JsonValueKind.Null } value)
        {
            return null;
        }

        // The wrapper stays on the array's first line, so the reader's line numbers are those of the value.
        var text = value.ValueKind == JsonValueKind.Array ? $"{{\"rules\":{value.GetRawText()}}}" : value.GetRawText();
        try
        {
            FraudRules.Parse(text);
            return text;
        }
        catch (FraudRuleException ex)
        {
            var field = ex.Field == "$" ? "rules" : ex.Field;
            errors["rules"] = [$"The rules are not valid: {field}: {ex.Detail} (line {ex.Line} of the rules)."];
            return null;
        }
    }

    /// <summary>The stored rules for the engine, or null.</summary>
    public static FraudRules? Parse(string? stored) => stored is null ? null : FraudRules.Parse(stored);

    /// <summary>The stored rules as JSON for a response, or null.</summary>
    public static JsonElement? Element(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(stored, s_read);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The rules that are never checked in this project, each with why: a country rule (answers sent to the service
    /// carry no country or payment country) and a rule for a task type the project does not allow.
    /// </summary>
    public static IReadOnlyList<string> NotChecked(FraudRules? rules, IReadOnlyList<string> taskTypes)
    {
        List<string> notes = [];
        foreach (var rule in rules?.Rules ?? [])
        {
            if (rule.Kind == FraudRuleKind.CountryMismatch)
            {
                notes.Add($"rule '{rule.Name}' needs country and payment_country, which answers sent to the service do not carry");
            }
            else if (rule.TaskType is { } type && taskTypes.Count > 0 && !taskTypes.Contains(type, StringComparer.Ordinal))
            {
                notes.Add($"rule '{rule.Name}' names task type '{type}', which the project does not allow");
            }
        }

        return notes;
    }
}
