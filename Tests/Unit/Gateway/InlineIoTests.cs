using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Provisioning.Gateway.Forwarding;

namespace Provisioning.Tests.Unit.Gateway;

public sealed class InlineIoTests
{
    [Fact]
    public void KestrelFollowsTheRuntimesDecisionAndTheConsoleNeverMakesASocketThreadWait()
    {
        foreach (var inline in new[] { true, false })
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.AddInlineIo(inline);
            using var services = builder.Services.BuildServiceProvider();
            Assert.Equal(inline, services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
            Assert.Equal(ConsoleLoggerQueueFullMode.DropWrite, services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.QueueFullMode);
        }
    }

    [Fact]
    public void AnOperatorsSettingOfTheSwitchWins()
    {
        var before = Environment.GetEnvironmentVariable(InlineIo.Variable);
        try
        {
            // Only "0" is tried here: "1" would switch this test process's own sockets to inline if they start now.
            Environment.SetEnvironmentVariable(InlineIo.Variable, "0");
            Assert.False(InlineIo.Enable());
            Assert.Equal("0", Environment.GetEnvironmentVariable(InlineIo.Variable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(InlineIo.Variable, before);
        }
    }
}
