namespace CrowdFit.Fraud.Behaviour;

/// <summary>
/// The behavioural feature vector of every answer (SPEC D1): how long it took, how it sits in the worker's
/// pace and sessions, and how the worker's recent labels and agreement look. A dense matrix of
/// <see cref="float"/>, one row per answer position, with named columns (<see cref="BehaviourColumns"/>).
/// </summary>
/// <remarks>
/// <para>
/// Every feature of an answer is computed from the worker's timeline up to and including that answer
/// (<see cref="WorkLog.Timeline"/>), so a row says what was known when the answer came in, except
/// <see cref="BehaviourColumns.Agreement"/>, which reads the current truth posterior of the task with the
/// answer's own vote left out.
/// </para>
/// <para>
/// <b>Window search.</b> The two windowed statistics (recent label entropy, recent agreement) each get the
/// candidate window (<see cref="BehaviourFeaturesOptions.CandidateWindows"/>) that best predicts the
/// worker's <em>next</em> answer from its last W answers, averaged over every answer of the log: log loss
/// of the next label under the window's label shares (add-½ smoothing) for entropy, squared error of the
/// next agreement for agreement. A long window averages noise away for steady workers, a short one follows a
/// worker who changes; the one-step-ahead loss weighs the two as the log itself does, where a
/// between/within variance ratio always prefers the longest window on steady workers. Ties go to the
/// shorter window. The losses are in <see cref="WindowSearch"/>.
/// </para>
/// <para>Cost: linear in the number of answers (times the number of classes and candidate windows), plus one
/// median per task type; workers are processed in parallel, each on its own, so the result does not depend
/// on the number of threads.</para>
/// </remarks>
public sealed partial class BehaviourFeatures
{
    private readonly float[] _values;
    private readonly string[] _columns;
    private readonly WindowScore[] _windowSearch;

    private BehaviourFeatures(float[] values, string[] columns, int rows, int entropyWindow, int agreementWindow, WindowScore[] windowSearch)
    {
        _values = values;
        _columns = columns;
        RowCount = rows;
        EntropyWindow = entropyWindow;
        AgreementWindow = agreementWindow;
        _windowSearch = windowSearch;
    }

    /// <summary>Number of rows: one per answer position of the log.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>Column names, in column order (see <see cref="BehaviourColumns"/>).</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The window, in answers, chosen for <see cref="BehaviourColumns.LabelEntropy"/>.</summary>
    public int EntropyWindow { get; }

    /// <summary>The window, in answers, chosen for <see cref="BehaviourColumns.AgreementWindow"/>.</summary>
    public int AgreementWindow { get; }

    /// <summary>The loss of every candidate window for every windowed statistic.</summary>
    public IReadOnlyList<WindowScore> WindowSearch => _windowSearch;

    /// <summary>The value of <paramref name="column"/> for answer position <paramref name="answer"/>; NaN where unknown.</summary>
    public float this[int answer, int column] => _values[(answer * _columns.Length) + column];

    /// <summary>Index of the column named <paramref name="column"/>, or -1 when the matrix lacks it (a time column of an untimed log).</summary>
    public int IndexOf(string column) => Array.IndexOf(_columns, column);

    /// <summary>The feature vector of answer position <paramref name="answer"/>, in column order.</summary>
    public ReadOnlySpan<float> Row(int answer) => _values.AsSpan(answer * _columns.Length, _columns.Length);

    /// <summary>Copies column <paramref name="column"/> into <paramref name="destination"/>, one value per answer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column does not exist.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="RowCount"/>.</exception>
    public void CopyColumn(int column, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, _columns.Length);
        if (destination.Length < RowCount)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; the matrix has {RowCount} rows.", nameof(destination));
        }

        var width = _columns.Length;
        for (var a = 0; a < RowCount; a++)
        {
            destination[a] = _values[(a * width) + column];
        }
    }
}
