using FluentAssertions;
using KratosConformance.Harness.Paths;
using KratosConformance.Harness.Targets;
using NUnit.Framework;

namespace KratosConformance.Harness.Tests.Paths;

/// <summary>
/// The installed tool's paths (RepositoryLayout's packaged mode, as kc.dll in a tool folder with kc-content/ beside
/// it): what kc run reads, the containers target's image recipes included, comes from the tool's content, never from a
/// clone, and what needs a clone says so with the commands the tool does run. Without this, kc run --target containers
/// from the installed tool stopped with "needs a clone" once a profile used the SMS sink (its image root was the clone's).
/// </summary>
[TestFixture]
public sealed class InstalledToolLayoutTests
{
    private string _tool = null!;
    private string _content = null!;

    [SetUp]
    public void CreateToolFolder()
    {
        _tool = Path.Combine(Path.GetTempPath(), "kc-layout-" + Guid.NewGuid().ToString("N")[..8]);
        _content = Path.Combine(_tool, RepositoryLayout.PackagedContentFolder);
        Directory.CreateDirectory(_content);
        File.WriteAllText(Path.Combine(_content, RepositoryLayout.PackagedMarker), "KratosConformance.Cli test");
    }

    [TearDown]
    public void RemoveToolFolder() => Directory.Delete(_tool, recursive: true);

    [Test]
    public void The_containers_targets_images_are_built_from_the_tools_content_not_a_clone()
    {
        using (RepositoryLayout.InstalledToolScope(_tool))
        {
            RepositoryLayout.IsPackaged.Should().BeTrue();
            ContainersTarget.ImageRecipeRoot.Should().Be(_content);
            RepositoryLayout.ContentRoot.Should().Be(_content);
            RepositoryLayout.ProfilesDirectory.Should().Be(Path.Combine(_content, "fixtures", "profiles"));
            RepositoryLayout.StateDirectory.Should().Be(Path.Combine(_content, ".kc"));
        }
    }

    [Test]
    public void What_needs_a_clone_names_every_command_the_tool_runs()
    {
        using (RepositoryLayout.InstalledToolScope(_tool))
        {
            RepositoryLayout.Root.Should().BeNull("the installed tool never takes a clone's files");
            var act = () => RepositoryLayout.RequireRoot();
            act.Should().Throw<NotACloneException>()
                .Which.Message.Should().Contain("git clone").And.Contain(RepositoryLayout.ToolCommands);
        }
    }

    [Test]
    public void Outside_the_scope_a_clone_is_a_clone_again()
    {
        using (RepositoryLayout.InstalledToolScope(_tool))
        {
            RepositoryLayout.IsPackaged.Should().BeTrue();
        }

        RepositoryLayout.IsPackaged.Should().BeFalse();
        RepositoryLayout.Root.Should().NotBeNull("these tests run from the clone's build output");
        ContainersTarget.ImageRecipeRoot.Should().Be(RepositoryLayout.Root);
    }
}
