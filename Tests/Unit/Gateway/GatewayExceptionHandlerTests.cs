using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Gateway.Errors;

namespace Provisioning.Tests.Unit.Gateway;

/// <summary>A fault inside the Gateway answers in the route's protocol, without a stack trace.</summary>
public sealed class GatewayExceptionHandlerTests
{
    [Fact]
    public async Task AFaultOnAScimRouteAnswersAScimErrorWithoutTheException()
    {
        var (status, contentType, body) = await HandleAsync("/scim/v2/Users", new InvalidOperationException("secret-internal-detail"));

        Assert.Equal(500, status);
        Assert.Equal("application/scim+json", contentType);
        var error = JsonNode.Parse(body)!;
        Assert.Equal("500", error["status"]!.GetValue<string>());
        Assert.DoesNotContain("secret-internal-detail", body);
    }

    [Fact]
    public async Task AFaultElsewhereAnswersProblemDetails()
    {
        var (status, contentType, body) = await HandleAsync("/oauth/token", new InvalidOperationException("secret-internal-detail"));

        Assert.Equal(500, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(500, JsonNode.Parse(body)!["status"]!.GetValue<int>());
        Assert.DoesNotContain("secret-internal-detail", body);
    }

    [Fact]
    public async Task ABadRequestKeepsItsStatus()
    {
        var (status, _, _) = await HandleAsync("/scim/v2/Users", new BadHttpRequestException("Unexpected end of request content.", 400));

        Assert.Equal(400, status);
    }

    private static async Task<(int Status, string? ContentType, string Body)> HandleAsync(string path, Exception error)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        context.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Error = error, Path = path });

        await GatewayExceptionHandler.WriteAsync(context);

        context.Response.Body.Position = 0;
        var mediaType = context.Response.ContentType?.Split(';')[0];
        return (context.Response.StatusCode, mediaType, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }
}
