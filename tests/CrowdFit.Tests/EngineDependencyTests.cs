using CrowdFit.Answers;

namespace CrowdFit.Tests;

public sealed class EngineDependencyTests
{
    [Fact]
    public void Engine_ReferencesOnlyTheBaseClassLibrary()
    {
        var engine = typeof(AnswerSet).Assembly;

        var references = engine.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Equal("CrowdFit.Core", engine.GetName().Name);
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib", $"the engine references {name}"));
    }
}
