using CrowdFit.Answers;

namespace CrowdFit.Formats;

/// <summary>An answer log as read from files: the answers, optional gold, optional per-answer context.</summary>
/// <param name="Answers">
/// All answers, including those of the model worker when a scores file was given. The classes include every
/// label used by an answer, a gold row or a score row.
/// </param>
/// <param name="Gold">Known labels from the gold file; <see langword="null"/> when no gold file was given.</param>
/// <param name="Context">
/// Per-answer context indexed by source row (<see cref="AnswerSet.SourceRow"/>), when the answers file had any
/// optional column; <see langword="null"/> otherwise. Rows of the model's answers follow the file's rows and
/// have every value missing.
/// </param>
/// <param name="ModelWorker">Worker index of the model; <see langword="null"/> when no scores were given.</param>
public sealed record AnswerLog(AnswerSet Answers, GoldLabels? Gold, AnswerContext? Context, int? ModelWorker);
