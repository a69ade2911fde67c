using System.Globalization;
using System.Text;
using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Tests.Writing;

public sealed class Utf8CsvWriterTests
{
    [Theory]
    [InlineData(0.5, "0.5")]
    [InlineData(1.0 / 3, "0.333333")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00012345678, "0.000123457")]
    [InlineData(0.09999996, "0.1")]
    [InlineData(0.99999951, "1")]
    [InlineData(0.00009, "9E-05")]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(2.5, "2.5")]
    [InlineData(1234567.0, "1.23457E+06")]
    [InlineData(double.NaN, "")]
    public void Field_Double_WritesSixSignificantDigits(double value, string expected)
    {
        var text = WriteRow(csv => csv.Field(value));

        Assert.Equal(expected + "\n", text);
    }

    [Fact]
    public void Field_NegativeZero_WritesZero()
    {
        var text = WriteRow(csv => csv.Field(-0.0));

        Assert.Equal("0\n", text);
    }

    [Fact]
    public void TryFormatProbability_RandomProbabilities_MatchesTheG6Format()
    {
        var random = new Random(7);
        var buffer = new byte[32];
        for (var i = 0; i < 200_000; i++)
        {
            var value = i % 2 == 0 ? random.NextDouble() : Math.Pow(10, -4 * random.NextDouble());
            if (value is < 1e-4 or >= 1)
            {
                continue;
            }

            var expected = value.ToString("G6", CultureInfo.InvariantCulture);
            var formatted = Utf8CsvWriter.TryFormatProbability(value, buffer, out var written);

            Assert.True(!formatted || Encoding.ASCII.GetString(buffer, 0, written) == expected, $"{value:R}: expected {expected}");
        }
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r", "\"cr\r\"")]
    [InlineData("", "")]
    [InlineData("żółw", "żółw")]
    public void Field_Text_QuotesOnlyWhenNeeded(string value, string expected)
    {
        var text = WriteRow(csv =>
        {
            csv.Field(value);
            csv.Field(7);
        });

        Assert.Equal(expected + ",7\n", text);
    }

    [Fact]
    public void Field_TextLongerThanTheBuffer_IsWrittenWhole()
    {
        var value = new string('x', 200_000);

        var text = WriteRow(csv =>
        {
            csv.Field("a");
            csv.Field(value);
        });

        Assert.Equal("a," + value + "\n", text);
    }

    private static string WriteRow(Action<Utf8CsvWriter> write)
    {
        using var stream = new MemoryStream();
        using (var csv = new Utf8CsvWriter(stream))
        {
            write(csv);
            csv.EndRow();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
