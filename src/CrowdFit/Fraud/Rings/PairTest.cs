namespace CrowdFit.Fraud.Rings;

/// <summary>The behaviour tests of one pair.</summary>
/// <param name="WrongP">P-value of the shared wrong answers.</param>
/// <param name="AgreeP">P-value of the overall agreement.</param>
/// <param name="SyncP">P-value of the synchronized submissions (1 without submit times).</param>
/// <param name="NearP">P-value of the shared tasks submitted close together (1 without submit times).</param>
/// <param name="P">The smallest of the tests times the number of tests run, at most 1.</param>
internal readonly record struct PairTest(double WrongP, double AgreeP, double SyncP, double NearP, double P);
