namespace CrowdFit.Fraud.Identity;

/// <summary>The distinct values of one categorical column seen within one unit, with answer counts; a unit rarely has more than a few.</summary>
/// <remarks>Values beyond the capacity are not tracked: by then the unit already has more than one.</remarks>
internal sealed class UnitValues
{
    private const int Capacity = 8;
    private readonly int[] _codes = new int[Capacity];
    private readonly int[] _counts = new int[Capacity];
    private int _length;

    /// <summary>Forgets every value.</summary>
    public void Clear() => _length = 0;

    /// <summary>Counts one answer with value <paramref name="code"/>; missing codes (negative) are ignored.</summary>
    public void Add(int code)
    {
        if (code < 0)
        {
            return;
        }

        for (var i = 0; i < _length; i++)
        {
            if (_codes[i] == code)
            {
                _counts[i]++;
                return;
            }
        }

        if (_length < Capacity)
        {
            _codes[_length] = code;
            _counts[_length++] = 1;
        }
    }

    /// <summary>Number of values with at least <paramref name="answers"/> answers in the unit.</summary>
    public int CountWith(int answers)
    {
        var n = 0;
        for (var i = 0; i < _length; i++)
        {
            n += _counts[i] >= answers ? 1 : 0;
        }

        return n;
    }
}
