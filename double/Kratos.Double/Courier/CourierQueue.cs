using System.Text.Json.Nodes;
using Kratos.Double.Config;
using Kratos.Double.Http;
using Kratos.Double.Model;
using Kratos.Double.State;
using MimeKit;

namespace Kratos.Double.Courier;

/// <summary>
/// The courier (courier/courier_dispatcher.go). With --watch-courier a message is dispatched the moment it is queued
/// instead of on the 1 s pull tick, so suites see mail in milliseconds; failures retry each second until
/// courier.message_retries is used up and the message is abandoned.
/// </summary>
internal sealed class CourierQueue(DoubleConfig config, Store store, KratosLog log, bool watch) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _inflight = [];

    public CourierMessage Enqueue(string recipient, string subject, string body)
    {
        var message = new CourierMessage { Recipient = recipient, Subject = subject, Body = body };
        lock (store.Gate)
        {
            store.Messages.Add(message);
            if (watch)
            {
                _inflight.RemoveAll(t => t.IsCompleted);
                _inflight.Add(Task.Run(() => DispatchAsync(message), CancellationToken.None));
            }
        }

        return message;
    }

    private async Task DispatchAsync(CourierMessage message)
    {
        var from = new MailboxAddress(config.FromName ?? string.Empty, config.FromAddress);
        while (!_stop.IsCancellationRequested)
        {
            SetStatus(message, "processing", null);
            try
            {
                if (config.SmtpConnectionUri is null)
                {
                    throw new InvalidOperationException("courier.smtp.connection_uri is not set");
                }

                await SmtpSender.SendAsync(config.SmtpConnectionUri, config.LocalName, from, message.Recipient, message.Subject, message.Body, _stop.Token).ConfigureAwait(false);
                SetStatus(message, "sent", null);
                log.Info("Courier sent out message.", ("message_id", message.Id), ("message_type", "email"), ("message_template_type", "login_code_valid"));
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var abandoned = SetStatus(message, null, e.Message);
                log.Error("Unable to send email using SMTP connection.", ("message_id", message.Id), ("error", e.Message));
                if (abandoned)
                {
                    return;
                }
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Returns true when the message was abandoned.</summary>
    private bool SetStatus(CourierMessage message, string? status, string? error)
    {
        lock (store.Gate)
        {
            message.UpdatedAt = DateTimeOffset.UtcNow;
            if (status is not null)
            {
                message.Status = status;
                if (status == "sent")
                {
                    message.SendCount++;
                    message.Dispatches.Add(Dispatch(message, "success", null));
                }

                return false;
            }

            message.SendCount++;
            message.Dispatches.Add(Dispatch(message, "failed", error));
            message.Status = message.SendCount >= config.MessageRetries ? "abandoned" : "queued";
            return message.Status == "abandoned";
        }
    }

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
        Task[] pending;
        lock (store.Gate)
        {
            pending = [.. _inflight];
        }

        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
