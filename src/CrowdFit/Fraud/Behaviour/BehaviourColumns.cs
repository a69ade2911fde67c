namespace CrowdFit.Fraud.Behaviour;

/// <summary>The names of the columns of <see cref="BehaviourFeatures"/>.</summary>
/// <remarks>
/// The time columns (<see cref="LogSeconds"/> to <see cref="HourOfDay"/>) exist only when the log has
/// timestamps: <see cref="LogSeconds"/> and <see cref="RelativeTime"/> need both start and submit times, the
/// others either. Within a present column a value is NaN where the answer lacks the time it needs.
/// </remarks>
public static class BehaviourColumns
{
    /// <summary>ln of the seconds between start and submit (durations below the options' minimum count as the minimum).</summary>
    public const string LogSeconds = "log_seconds";

    /// <summary><see cref="LogSeconds"/> minus the median of its task type: ln of the time relative to the usual time.</summary>
    public const string RelativeTime = "relative_time";

    /// <summary>ln(1 + seconds) from the worker's previous submit to this answer's start (or submit); NaN on the first answer.</summary>
    public const string LogGap = "log_gap";

    /// <summary>The worker's answers per minute over the trailing rate window ending at this answer.</summary>
    public const string Rate = "rate";

    /// <summary>UTC hour of day of the answer, in [0, 24).</summary>
    public const string HourOfDay = "hour_of_day";

    /// <summary>Length of the run of identical labels ending at this answer in the worker's timeline (1 when the label changed).</summary>
    public const string Streak = "streak";

    /// <summary>Zero-based position of the answer in its session (sessions split at long pauses); the timeline position when there are no times.</summary>
    public const string SessionPosition = "session_position";

    /// <summary>Shannon entropy of the worker's labels over the recent window (this answer included), divided by ln K, in [0, 1].</summary>
    public const string LabelEntropy = "label_entropy";

    /// <summary>
    /// The probability, by the other answers of the task and gold, that this answer is right (leave-self-out
    /// posterior), less what a typical worker of the log would reach on the same task (<see cref="TypicalAgreement"/>):
    /// about 0 for a typical worker whoever else answered, below 0 for a careless one where the others agree.
    /// </summary>
    public const string Agreement = "agreement";

    /// <summary>Mean <see cref="Agreement"/> over the worker's recent window (this answer included).</summary>
    public const string AgreementWindow = "agreement_window";

    /// <summary>Mean <see cref="Agreement"/> over the worker's answers so far (this answer included).</summary>
    public const string AgreementSoFar = "agreement_so_far";

    /// <summary>Share of the worker's gold answers so far that were right (this answer included); NaN before the first gold answer.</summary>
    public const string GoldAccuracySoFar = "gold_accuracy_so_far";
}
