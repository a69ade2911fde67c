namespace CrowdFit.Formats;

/// <summary>Options for <see cref="AnswerLogReader"/>.</summary>
public sealed record ReaderOptions
{
    /// <summary>Worker id under which the model from a scores file joins the answers.</summary>
    /// <value>Default <c>model</c>. Must not be empty or blank, and must not be a worker of the answer log.</value>
    public string ModelWorkerId { get; init; } = "model";

    /// <summary>Bytes read from a file at a time; small values exercise block boundaries in tests.</summary>
    /// <value>Default 1 MiB; at least 16.</value>
    internal int BlockSize { get; init; } = 1 << 20;

    /// <summary>Throws when an option is out of range, naming all problems at once.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    internal void Validate()
    {
        List<string> problems = [];
        if (string.IsNullOrWhiteSpace(ModelWorkerId))
        {
            problems.Add($"{nameof(ModelWorkerId)} must not be empty or blank; found '{ModelWorkerId}'.");
        }

        if (BlockSize < 16)
        {
            problems.Add($"{nameof(BlockSize)} must be at least 16; found {BlockSize}.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid reader options: " + string.Join(" ", problems));
        }
    }
}
