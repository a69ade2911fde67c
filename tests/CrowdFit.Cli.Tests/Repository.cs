namespace CrowdFit.Cli.Tests;

/// <summary>Paths inside the repository, found by walking up to the folder holding CrowdFit.slnx.</summary>
internal static class Repository
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(SourcePath())! })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "CrowdFit.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("CrowdFit.slnx not found above the test binary.");
    });

    public static string Root => s_root.Value;

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string SourcePath([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
