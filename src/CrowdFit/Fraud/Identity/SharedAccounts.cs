namespace CrowdFit.Fraud.Identity;

/// <summary>
/// Shared accounts (SPEC D10): one account worked by several people, seen as activity round the clock that no
/// one person keeps, answers from several login countries or from outside the payment country, and several
/// devices or networks used day after day.
/// </summary>
/// <remarks>
/// <para>
/// <b>Units.</b> A worker's answers are grouped into UTC days by submit time (blocks of
/// <see cref="SharedAccountsOptions.AnswersPerBlock"/> consecutive answers when the log has no submit times);
/// workers with fewer than <see cref="SharedAccountsOptions.MinActiveUnits"/> units get p = 1.
/// </para>
/// <para>
/// <b>Signals.</b> Each is tested only when the log has its columns. (1) <i>Days without rest</i> (submitted_at):
/// stretches of work whose pauses are all shorter than <see cref="SharedAccountsOptions.BreakHours"/> count one
/// for every full 24 hours they last. (2) <i>Rest</i> (submitted_at): the longest circular run of UTC hours that
/// are not habitual for the worker (active on at least <see cref="SharedAccountsOptions.HabitualShare"/> of its
/// days); it does not depend on the time zone, so night-shift workers rest as long as day workers. (3)
/// <i>Mixed units</i> (country): units with two or more login countries. (4) <i>Foreign units</i> (country and
/// payment_country): units with answers from a login country other than the payment country of the same
/// answer. (5) <i>Network units</i> (device or ip): units with two or more devices or IPv4 /24 (IPv6 /48)
/// networks. Within a unit a value counts from <see cref="SharedAccountsOptions.MinUnitAnswers"/> answers.
/// </para>
/// <para>
/// <b>Nulls, learned from the log's own workers.</b> Counts (1), (3), (4), (5) are read against a beta-binomial
/// fitted on the tested workers whose counts do not stand out, with a rate of at least
/// <see cref="SharedAccountsOptions.FloorRate"/> (see <c>UnitCountNull</c>), so a crowd in which many honest
/// workers travel or switch devices widens its own tails. Rest (2) is a robust z against the median and
/// 1.4826 · MAD of the tested workers (scale at least <see cref="SharedAccountsOptions.MinRestScale"/> hours),
/// read in a Student t with <see cref="SharedAccountsOptions.TailDegrees"/> degrees of freedom, and only for
/// rest under <see cref="SharedAccountsOptions.HumanRestHours"/>: a full-time worker rests far less than the
/// crowd's casual majority without anyone else touching the account.
/// </para>
/// <para>
/// <b>P-values.</b> Honest people travel, use a VPN whose exit sits in another country, or switch between a
/// phone and a laptop, each day after day; one person cannot work round the clock. So the worker's p-value
/// has two families (Bonferroni over those present): <i>the clock</i>, twice the smaller of (1) and (2); and
/// <i>places</i>, which counts only when the signals agree: the larger of (4) and twice the smaller of (3) and
/// (5) — answering from abroad <em>and</em> switching countries or networks within a day (with no payment
/// country, the switching alone). An answer of a worker with evidence (a signal at or below
/// <see cref="SharedAccountsOptions.ReportLevel"/>) gets the worker's p-value when it lies in an event unit of
/// such a signal (every answer, when the signal is rest); other answers get 1.
/// </para>
/// </remarks>
public sealed partial class SharedAccounts : IFraudDetector
{
    private readonly SharedAccountsOptions _options;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">Settings; <see cref="SharedAccountsOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SharedAccounts(SharedAccountsOptions? options = null)
    {
        options ??= SharedAccountsOptions.Default;
        options.Validate();
        _options = options;
    }

    /// <inheritdoc />
    public string Name => "shared-account";

    /// <inheritdoc />
    public bool ReadsTruth => false;

    /// <summary>The settings.</summary>
    public SharedAccountsOptions Options => _options;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    public DetectorReport Run(WorkLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var answers = log.Answers;
        var context = log.Context;
        var signals = new Signals(
            log.HasSubmitTimes,
            context?.HasCountry == true,
            context?.HasCountry == true && context.HasPaymentCountry,
            context?.HasDevice == true || context?.HasIp == true);
        if (signals.Count == 0)
        {
            return DetectorReport.Skipped(Name, answers.WorkerCount, answers.Count, "needs submitted_at (round-the-clock activity) or country, payment_country, device or ip (geography)");
        }

        var activity = AccountActivity.Measure(log, _options);
        var tests = Test(activity, signals);
        var workerP = new double[answers.WorkerCount];
        var reasons = new string?[answers.WorkerCount];
        var marks = new byte[answers.WorkerCount];
        var everyAnswer = new bool[answers.WorkerCount];
        for (var w = 0; w < workerP.Length; w++)
        {
            var (p, mark, all) = tests.Worker(w);
            workerP[w] = p;
            marks[w] = mark;
            everyAnswer[w] = all;
            if (p <= _options.ReportLevel)
            {
                reasons[w] = Reason(log, activity, tests, w);
            }
        }

        var answerP = new float[answers.Count];
        var workers = answers.Workers;
        var flags = activity.Flags;
        for (var a = 0; a < answerP.Length; a++)
        {
            var w = workers[a];
            answerP[a] = everyAnswer[w] || (flags[a] & marks[w]) != 0 ? (float)workerP[w] : 1f;
        }

        return new DetectorReport(Name, workerP, reasons, answerP, a => AnswerReason(log, activity, marks, everyAnswer, reasons, a));
    }

    /// <summary>Which signals the log's columns allow.</summary>
    private readonly record struct Signals(bool Times, bool Countries, bool Payment, bool Networks)
    {
        /// <summary>Number of signals tested: two from submit times, one each from the others.</summary>
        public int Count => (Times ? 2 : 0) + (Countries ? 1 : 0) + (Payment ? 1 : 0) + (Networks ? 1 : 0);
    }
}
