using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Logging;
using Kratos.Double.Model;
using Kratos.Double.State;
using MimeKit;

namespace Kratos.Double.Courier;

/// <summary>
/// The courier as Kratos runs it with --watch-courier (courier/courier.go watchMessages, courier_dispatcher.go
/// DispatchQueue): a worker that pulls up to courier.worker.pull_count queued messages, sends them, and sleeps
/// courier.worker.pull_wait (1 s by default) before the next pull. So a mail leaves up to one pull_wait after it was
/// queued, and a stray mail can arrive after a check that counted too early, as with Kratos. A message whose
/// send_count already exceeds courier.message_retries is abandoned at its next pull.
/// </summary>
internal sealed class CourierQueue : IAsyncDisposable
{
    private readonly Func<DoubleConfig> _config;
    private readonly IStore _store;
    private readonly KratosLog _log;
    private readonly bool _watch;
    private readonly CancellationTokenSource _stop = new();
    private Task _worker = Task.CompletedTask;

    public CourierQueue(Func<DoubleConfig> config, IStore store, KratosLog log, bool watch)
    {
        _config = config;
        _store = store;
        _log = log;
        _watch = watch;
    }

    /// <summary>Starts the worker (with --watch-courier only), once the config it reads is in place.</summary>
    public void Start()
    {
        if (_watch)
        {
            _worker = Task.Run(WatchAsync, CancellationToken.None);
        }
    }

    public CourierMessage Enqueue(string recipient, string subject, string body, string templateType = "login_code_valid")
        => Enqueue(new CourierMessage { Recipient = recipient, Subject = subject, Body = body, TemplateType = templateType });

    /// <summary>Queues a message as built by the caller (courier/sms.go QueueSMS: type sms, the template's model as template data).</summary>
    public CourierMessage Enqueue(CourierMessage message)
    {
        lock (_store.Gate)
        {
            _store.AddMessage(message);
        }

        return message;
    }

    private async Task WatchAsync()
    {
        _log.Info("Courier worker started.");
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await DispatchQueueAsync().ConfigureAwait(false);
            }
            // Stryker disable once all : out of scope, by kind: the courier's failure paths (docs/mutation-survivors.md)
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // courier.go retries DispatchQueue with back-off; the next pull is the double's retry.
                _log.Error("Unable to dispatch the courier queue.", ("error", KratosLog.ErrorMap(e.Message)));
            }

            try
            {
                await Task.Delay(_config().CourierPullWait, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stryker disable once all : equivalent: after a cancelled delay the loop's condition (!_stop.IsCancellationRequested) ends the worker anyway (docs/mutation-survivors.md)
                break;
            }
        }

        _log.Info("Courier worker was shutdown gracefully.");
    }

    private async Task DispatchQueueAsync()
    {
        var config = _config();
        IReadOnlyList<CourierMessage> messages;
        lock (_store.Gate)
        {
            messages = _store.TakeQueued(config.CourierPullCount);
        }

        for (var k = 0; k < messages.Count && !_stop.IsCancellationRequested; k++)
        {
            var message = messages[k];
            if (message.SendCount > config.MessageRetries)
            // Stryker disable once all : out of scope, by kind: the courier's failure paths (docs/mutation-survivors.md)
            {
                Save(message, "abandoned", null);
                _log.Warn($"Message was abandoned because it did not deliver after {message.SendCount} attempts", Fields(message));
                continue;
            }

            try
            {
                Save(message, null, null, countAttempt: true);
                await SendAsync(config, message).ConfigureAwait(false);
                Save(message, "sent", Succeeded(message));
                _log.Debug("Courier sent out message.", Fields(message));
            }
            // Stryker disable once all : out of scope, by kind: the courier's failure paths (docs/mutation-survivors.md)
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _log.Warn("Unable to dispatch message.", [.. Fields(message), ("error", KratosLog.ErrorMap(e.Message))]);
                Save(message, null, Dispatch(message, "failed", e.Message));
                foreach (var replace in messages.Skip(k))
                {
                    Save(replace, "queued", null);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private Task SendAsync(DoubleConfig config, CourierMessage message)
    {
        if (message.Type == "sms")
        {
            return HttpChannel.DispatchAsync(config, message, _stop.Token);
        }

        // Stryker disable once all : out of scope, by kind: the courier's failure paths (docs/mutation-survivors.md)
        if (config.SmtpConnectionUri is null)
        {
            throw new InvalidOperationException("courier.smtp.connection_uri is not set");
        }

        var from = new MailboxAddress(config.FromName ?? string.Empty, config.FromAddress);
        return SmtpSender.SendAsync(config.SmtpConnectionUri, config.LocalName, from, message.Recipient, message.Subject, message.Body, _stop.Token);
    }

    private void Save(CourierMessage message, string? status, JsonObject? dispatch, bool countAttempt = false)
    {
        lock (_store.Gate)
        {
            message.UpdatedAt = DateTimeOffset.UtcNow;
            if (countAttempt)
            {
                message.SendCount++;
            }

            if (status is not null)
            {
                message.Status = status;
            }

            if (dispatch is not null)
            {
                // Stryker disable once all : out of scope, by kind: the admin courier API's message JSON (docs/mutation-survivors.md)
                message.Dispatches.Add(dispatch);
            }

            // Stryker disable once all : equivalent for the in-memory store the mutation run uses: the object is the stored one; the SQLite runs (containers, upgrades) run this save unmutated (docs/mutation-survivors.md)
            _store.SaveMessage(message);
        }
    }

    // Stryker disable once all : out of scope, by kind: the fields of a log line (docs/mutation-survivors.md)
    private static (string Key, object? Value)[] Fields(CourierMessage message) =>
    [
        ("message_id", message.Id), ("message_nid", Guid.Empty), ("message_subject", message.Subject),
        ("message_template_type", message.TemplateType), ("message_type", message.Type),
    ];

    // Stryker disable once all : out of scope, by kind: the admin courier API's message JSON (docs/mutation-survivors.md)
    private static JsonObject Succeeded(CourierMessage message) => Dispatch(message, "success", null);

    // Stryker disable once all : out of scope, by kind: the admin courier API's message JSON (docs/mutation-survivors.md)
    private static JsonObject Dispatch(CourierMessage message, string status, string? error) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["message_id"] = message.Id.ToString(),
        ["status"] = status,
        ["error"] = error is null ? null : new JsonObject { ["message"] = error },
        ["created_at"] = Time.Node(DateTimeOffset.UtcNow),
        ["updated_at"] = Time.Node(DateTimeOffset.UtcNow),
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _worker.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        // Stryker disable once all : equivalent: disposing the stop token's source at shutdown frees a handle; nothing a client can see (docs/mutation-survivors.md)
        _stop.Dispose();
    }
}
