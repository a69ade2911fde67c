namespace CrowdFit.Operations;

public static partial class OperationsMetrics
{
    /// <summary>The counts behind the metrics of the whole log or of one group.</summary>
    internal struct Tally
    {
        public int Answers;
        public int Agreeing;
        public int GoldAnswers;
        public int GoldPassed;
        public int Flagged;
        public int Workers;
        public int Tasks;
        public int Corrected;
        public long Rework;

        public void AddAnswer(bool agrees, bool onGold, bool passesGold, bool flagged)
        {
            Answers++;
            Agreeing += agrees ? 1 : 0;
            GoldAnswers += onGold ? 1 : 0;
            GoldPassed += passesGold ? 1 : 0;
            Flagged += flagged ? 1 : 0;
        }

        public void AddTask(int answers, bool corrected)
        {
            Tasks++;
            Corrected += corrected ? 1 : 0;
            Rework += answers - 1;
        }

        public readonly double AgreementRate => Share(Agreeing, Answers);

        public readonly double GoldPassRate => Share(GoldPassed, GoldAnswers);

        public readonly double CorrectionRate => Share(Corrected, Tasks);

        public readonly double ReworkPer100 => Tasks == 0 ? double.NaN : 100.0 * Rework / Tasks;

        public readonly double FlagRate => Share(Flagged, Answers);

        private static double Share(long part, long whole) => whole == 0 ? double.NaN : (double)part / whole;
    }
}
