using KratosConformance.Client.Waiting;

namespace KratosConformance.Harness.Upgrade;

/// <summary>smtp4dev's HTTP API beyond reading: deleting every message (DELETE /api/messages/*, smtp4dev's MessagesController).</summary>
public static class Smtp4devMail
{
    public static async Task ClearAsync(Uri httpBaseUrl, Patience patience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patience);
        using var http = new HttpClient();
        await patience.For("smtp4dev request", TimeSpan.FromSeconds(30)).RunAsync("delete every message in smtp4dev", async ct =>
        {
            using var response = await http.DeleteAsync(new Uri(httpBaseUrl, "api/messages/*"), ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new UpgradeStepException($"smtp4dev at {httpBaseUrl} did not delete its messages: {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}
