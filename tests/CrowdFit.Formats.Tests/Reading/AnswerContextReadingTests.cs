using CrowdFit.Answers;

namespace CrowdFit.Formats.Tests.Reading;

public sealed class AnswerContextReadingTests
{
    private const string Header = "task,worker,label,started_at,submitted_at,ip,device,country,payment_country,task_type,reward,project\n";

    [Fact]
    public void Read_AllOptionalColumns_FillsTheContextPerSourceRow()
    {
        var context = ReadContext(Header
            + "t1,w1,a,2024-03-01T12:00:00Z,2024-03-01T12:00:30.5+02:00,10.0.0.1,ios,PL,DE,image,0.05,p1\n"
            + "t2,w2,b,,,,,,,,,\n");

        Assert.Equal(2, context.RowCount);
        Assert.True(context.HasStartedAt && context.HasSubmittedAt && context.HasReward && context.HasIp && context.HasDevice
            && context.HasCountry && context.HasPaymentCountry && context.HasTaskType && context.HasProject);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero), context.StartedAt(0));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 30, 500, TimeSpan.Zero), context.SubmittedAt(0));
        Assert.Equal(TimeSpan.FromHours(-2) + TimeSpan.FromSeconds(30.5), context.Duration(0));
        Assert.Equal(("10.0.0.1", "ios", "PL", "DE", "image", "p1"), (context.Ip[0], context.Device[0], context.Country[0], context.PaymentCountry[0], context.TaskType[0], context.Project[0]));
        Assert.Equal(0.05, context.Reward(0));
        Assert.Null(context.StartedAt(1));
        Assert.Null(context.Duration(1));
        Assert.Null(context.Ip[1]);
        Assert.Equal(CategoricalColumn.Missing, context.Device.Code(1));
        Assert.True(double.IsNaN(context.Reward(1)));
    }

    [Fact]
    public void Read_SomeOptionalColumns_LeavesTheOthersAbsent()
    {
        var context = ReadContext("ip,task,worker,label\n1.2.3.4,t1,w1,a\n1.2.3.4,t1,w2,a\n5.6.7.8,t2,w1,b\n");

        Assert.True(context.HasIp);
        Assert.False(context.HasStartedAt || context.HasReward || context.HasDevice || context.HasProject);
        Assert.Null(context.Device);
        Assert.True(context.StartedAtTicks.IsEmpty);
        Assert.Equal(["1.2.3.4", "5.6.7.8"], context.Ip.Values);
        Assert.Equal([0, 0, 1], context.Ip.Codes.ToArray());
    }

    [Fact]
    public void Read_VendorColumn_IsAContextColumn()
    {
        var context = ReadContext("task,worker,label,vendor\nt1,w1,a,Acme\nt1,w2,b,\nt2,w1,a,Acme\n");

        Assert.True(context.HasVendor);
        Assert.False(context.HasProject);
        Assert.Equal(["Acme"], context.Vendor.Values);
        Assert.Equal([0, CategoricalColumn.Missing, 0], context.Vendor.Codes.ToArray());
        Assert.Equal("Acme", context.Select([2, 1]).Vendor![0]);
    }

    [Fact]
    public void Read_NoOptionalColumns_HasNoContext()
    {
        using var files = new TempFiles();
        var path = files.Write("answers.csv", "task,worker,label,comment\nt1,w1,a,hi\n");

        var log = AnswerLogReader.Read(path);

        Assert.Null(log.Context);
    }

    [Fact]
    public void Read_UngroupedLog_ContextFollowsSourceRows()
    {
        using var files = new TempFiles();
        var path = files.Write("answers.csv", "task,worker,label,device\nt1,w1,a,d0\nt2,w1,a,d1\nt1,w2,a,d2\n");

        var log = AnswerLogReader.Read(path);

        var devices = Enumerable.Range(0, 3).Select(a => log.Context!.Device![log.Answers.SourceRow(a)]);
        Assert.Equal(["d0", "d2", "d1"], devices);
    }

    [Theory]
    [InlineData("started_at", "2024-13-45", "an ISO 8601 timestamp")]
    [InlineData("submitted_at", "2024-02-30T10:00:00Z", "an ISO 8601 timestamp")]
    [InlineData("reward", "0,05", "a decimal number such as 0.05")]
    [InlineData("reward", "NaN", "a decimal number such as 0.05")]
    public void Read_BadOptionalValue_NamesLineColumnAndValue(string column, string value, string expected)
    {
        var error = AnswerFileErrorTests.ReadError($"task,worker,label,{column}\nt1,w1,a,\nt1,w2,a,\"{value}\"\n");

        Assert.Equal((3, column), (error.Line, error.Column));
        Assert.Equal($"expected {expected}, found '{value}'", error.Detail);
        Assert.EndsWith($"answers.csv:3: column '{column}': expected {expected}, found '{value}'", error.Message, StringComparison.Ordinal);
    }

    private static AnswerContext ReadContext(string content)
    {
        using var files = new TempFiles();
        var path = files.Write("answers.csv", content);
        var context = AnswerLogReader.Read(path).Context;
        Assert.NotNull(context);
        return context;
    }
}
