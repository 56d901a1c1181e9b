using System.Globalization;
using System.Text.RegularExpressions;
using KratosConformance.Client.Evidence;
using KratosConformance.Client.Kratos;
using Microsoft.Playwright;

namespace KratosConformance.Suites.Browser;

/// <summary>
/// The messages a login UI shows, by id: Ory's test ids (<c>ui/message/&lt;id&gt;</c>, <c>ory/message/&lt;id&gt;</c>) or
/// the text Kratos's flow JSON carried for that id (every flow the test's page showed is remembered, so a message that
/// must disappear is still known by its text once the flow no longer carries it). Ids, never prose, are what the
/// checks compare; the text only finds the element in a UI that renders no test ids.
/// </summary>
public sealed partial class ShownMessages
{
    private readonly IPage _page;
    private readonly BrowserKratos _kratos;
    private readonly UiSelectors _selectors;
    private readonly EvidenceRecorder _evidence;
    private readonly float _timeoutMs;
    private readonly Dictionary<long, string> _texts = [];

    internal ShownMessages(IPage page, BrowserKratos kratos, UiSelectors selectors, EvidenceRecorder evidence, float timeoutMs)
    {
        _page = page;
        _kratos = kratos;
        _selectors = selectors;
        _evidence = evidence;
        _timeoutMs = timeoutMs;
    }

    /// <summary>Remembers the text of every message <paramref name="flow"/> carries (ui.messages and the nodes' messages).</summary>
    public void Learn(LoginFlow? flow)
    {
        foreach (var message in flow is null ? [] : flow.Ui.Messages.Concat(flow.Ui.Nodes.SelectMany(n => n.Messages)))
        {
            if (message.Text.Length > 0)
            {
                _texts[message.Id] = message.Text;
            }
        }
    }

    /// <summary>Waits for one of the messages <paramref name="ids"/> to be visible; null when one is, else how they were looked for.</summary>
    public async Task<string?> ExpectShownAsync(IReadOnlyList<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        Learn(await _kratos.FlowAsync(_page.Url));
        var found = ids.Select(id => NodeLocator.Message(_page, _selectors, id, _texts.GetValueOrDefault(id))).ToList();
        var locator = found.Skip(1).Aggregate(found[0].Locator, (all, one) => all.Or(one.Locator)).First;
        var how = string.Join(" or ", found.Select(f => f.Description));
        try
        {
            await Assertions.Expect(locator).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = _timeoutMs });
            return null;
        }
        catch (PlaywrightException)
        {
            return how;
        }
    }

    /// <summary>Waits for none of the messages <paramref name="ids"/> to be visible (an SPA re-renders after its request); null when they are gone.</summary>
    public async Task<string?> ExpectGoneAsync(IReadOnlyList<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        Learn(await _kratos.FlowAsync(_page.Url));
        var found = ids.Select(id => NodeLocator.Message(_page, _selectors, id, _texts.GetValueOrDefault(id))).ToList();
        var locator = found.Skip(1).Aggregate(found[0].Locator, (all, one) => all.Or(one.Locator)).First;
        var how = string.Join(" or ", found.Select(f => f.Description));
        try
        {
            await Assertions.Expect(locator).ToBeHiddenAsync(new LocatorAssertionsToBeHiddenOptions { Timeout = _timeoutMs });
            return null;
        }
        catch (PlaywrightException)
        {
            return "found by " + how;
        }
    }

    /// <summary>Ids of every message the page shows now: by Ory's test ids, and every id whose known text (or mapped selector) is visible.</summary>
    public async Task<IReadOnlyList<long>> ShownAsync()
    {
        var testIds = await _page.Locator("[data-testid^=\"ui/message/\"], [data-testid^=\"ory/message/\"]")
            .EvaluateAllAsync<string[]>("els => els.filter(e => e.offsetParent !== null || e.getClientRects().length > 0).map(e => e.getAttribute('data-testid'))");
        var ids = testIds.Select(t => MessageTestId().Match(t))
            .Where(m => m.Success)
            .Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToHashSet();
        foreach (var (id, text) in _texts.Where(t => !ids.Contains(t.Key)))
        {
            if (await NodeLocator.Message(_page, _selectors, id, text).Locator.CountAsync() > 0)
            {
                ids.Add(id);
            }
        }

        return ids.Order().ToList();
    }

    // A failure is being reported: a page that can not be read must not replace it with a Playwright error.
    internal async Task<IReadOnlyList<long>> ShownOnFailureAsync()
    {
        try
        {
            return await ShownAsync();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            _evidence.Note($"browser: the page's messages could not be read for the failure report: {e.Message}");
            return [];
        }
    }

    [GeneratedRegex(@"^(?:ui|ory)/message/(\d+)$")]
    private static partial Regex MessageTestId();
}
