namespace CrowdFit.Fraud.Rings;

/// <summary>What two workers' answers on the tasks they both did show, with what chance predicts.</summary>
/// <param name="First">The lower worker index.</param>
/// <param name="Second">The higher worker index.</param>
/// <param name="Shared">Tasks both answered.</param>
/// <param name="Agree">Shared tasks where both gave the same label.</param>
/// <param name="CoWrong">Shared tasks where both gave the same label and the other answers say it is wrong.</param>
/// <param name="Near">Shared tasks both submitted within the reference window of each other.</param>
/// <param name="Sync">Shared tasks both submitted within the synchronization window of each other.</param>
/// <param name="ExpectedAgree">Expected <paramref name="Agree"/> for two independent workers with these confusion matrices.</param>
/// <param name="ExpectedWrong">Expected <paramref name="CoWrong"/> likewise.</param>
internal readonly record struct PairEvidence(
    int First,
    int Second,
    int Shared,
    int Agree,
    int CoWrong,
    int Near,
    int Sync,
    double ExpectedAgree,
    double ExpectedWrong);
