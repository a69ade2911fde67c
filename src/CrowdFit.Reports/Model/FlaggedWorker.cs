namespace CrowdFit.Reports;

/// <summary>One flagged worker with the evidence.</summary>
/// <param name="Worker">Worker id.</param>
/// <param name="Probability">Probability that the worker commits fraud or spam (an upper estimate), in [0, 1].</param>
/// <param name="PValue">Combined p-value.</param>
/// <param name="Answers">Answers the worker gave.</param>
/// <param name="FlaggedAnswers">Of those, answers flagged on their own.</param>
/// <param name="Reasons">Why, strongest evidence first.</param>
public sealed record FlaggedWorker(string Worker, double Probability, double PValue, int Answers, int FlaggedAnswers, string Reasons);
