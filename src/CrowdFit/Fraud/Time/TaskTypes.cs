using System.Globalization;

namespace CrowdFit.Fraud.Time;

/// <summary>Task types as the time detectors read them: a dense code per answer and a name for reasons.</summary>
internal static class TaskTypes
{
    /// <summary>Task type code per answer; 0 for every answer when the log has no task types or the type is missing.</summary>
    public static int[] Of(WorkLog log)
    {
        var types = new int[log.Answers.Count];
        if (log.Context?.TaskType is { } column)
        {
            for (var a = 0; a < types.Length; a++)
            {
                types[a] = Math.Max(0, column.Code(log.Answers.SourceRow(a)));
            }
        }

        return types;
    }

    /// <summary>"for task type 'image'", or an empty string when the log has no task types.</summary>
    public static string Phrase(WorkLog log, int type) =>
        log.Context?.TaskType is { } column && type < column.Values.Count
            ? string.Create(CultureInfo.InvariantCulture, $" for task type '{column.Values[type]}'")
            : string.Empty;
}
