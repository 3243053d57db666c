using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Provisioning.Contracts;
using Provisioning.ScimService.Internal;

namespace Provisioning.ScimService.Realms.Devices;

/// <summary>An organization's MDM device policies and devices. Internal: guarded by the internal key.</summary>
public static class DevicesApi
{
    private const int MaxResults = 500;

    public static void MapDevicesApi(this IEndpointRouteBuilder app)
    {
        var organization = app.MapInternalRoutes("/organizations/{organizationId:guid}");
        organization.MapGet("/device-policies", ListPoliciesAsync);
        organization.MapPost("/device-policies", CreatePolicyAsync);
        organization.MapGet("/device-policies/{id:guid}", GetPolicyAsync);
        organization.MapPut("/device-policies/{id:guid}", RenamePolicyAsync);
        organization.MapGet("/devices", ListDevicesAsync);
        organization.MapPost("/devices", CreateDeviceAsync);
        organization.MapGet("/devices/{id:guid}", GetDeviceAsync);
        organization.MapPut("/devices/{id:guid}", UpdateDeviceAsync);
    }

    private static async Task<Ok<DevicePolicyDto[]>> ListPoliciesAsync(Guid organizationId, ScimDbContext db, CancellationToken cancellationToken)
    {
        var policies = await db.DevicePolicies.AsNoTracking().Where(p => p.OrganizationId == organizationId).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(policies.Select(ToDto).ToArray());
    }

    /// <summary>The Admin UI asks this before it saves a change-policy action: device policies are this service's to know.</summary>
    private static async Task<Results<Ok<DevicePolicyDto>, NotFound>> GetPolicyAsync(Guid organizationId, Guid id, ScimDbContext db, CancellationToken cancellationToken) =>
        await db.DevicePolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.OrganizationId == organizationId, cancellationToken) is { } policy
            ? TypedResults.Ok(ToDto(policy))
            : TypedResults.NotFound();

    private static async Task<Results<Created<DevicePolicyDto>, ValidationProblem, ProblemHttpResult>> CreatePolicyAsync(
        Guid organizationId, CreateDevicePolicyRequest request, ScimDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["A name of 1 to 200 characters is required."] });
        }
        var policy = new DevicePolicy { OrganizationId = organizationId, Name = request.Name.Trim(), CreatedAt = clock.GetUtcNow() };
        db.DevicePolicies.Add(policy);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return TypedResults.Problem($"A device policy named '{policy.Name}' exists in this organization.", statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Created($"/internal/organizations/{organizationId}/device-policies/{policy.Id}", ToDto(policy));
    }

    private static async Task<Ok<DeviceDto[]>> ListDevicesAsync(
        Guid organizationId, Guid? mdmEmployeeId, Guid? devicePolicyId, bool? unassigned, ScimDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Devices.AsNoTracking().Where(d => d.OrganizationId == organizationId);
        if (mdmEmployeeId is { } employee)
        {
            query = query.Where(d => d.MdmEmployeeId == employee);
        }
        if (devicePolicyId is { } policy)
        {
            query = query.Where(d => d.DevicePolicyId == policy);
        }
        if (unassigned == true)
        {
            query = query.Where(d => d.MdmEmployeeId == null);
        }
        var devices = await query.OrderBy(d => d.Name).ThenBy(d => d.SerialNumber).Take(MaxResults).ToListAsync(cancellationToken);
        return TypedResults.Ok(devices.Select(ToDto).ToArray());
    }

    private static async Task<Results<Created<DeviceDto>, ValidationProblem, ProblemHttpResult>> CreateDeviceAsync(
        Guid organizationId, CreateDeviceRequest request, ScimDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(organizationId, request.Name, request.Platform, request.SerialNumber, request.DevicePolicyId, request.MdmEmployeeId, db, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var device = new Device
        {
            OrganizationId = organizationId,
            Name = request.Name.Trim(),
            Platform = request.Platform.Trim(),
            SerialNumber = request.SerialNumber.Trim(),
            DevicePolicyId = request.DevicePolicyId,
            MdmEmployeeId = request.MdmEmployeeId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Devices.Add(device);
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return TypedResults.Problem($"A device with serial number {device.SerialNumber} exists in this organization.", statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Created($"/internal/organizations/{organizationId}/devices/{device.Id}", ToDto(device));
    }

    private static async Task<Results<Ok<DevicePolicyDto>, NotFound, ValidationProblem, ProblemHttpResult>> RenamePolicyAsync(
        Guid organizationId, Guid id, UpdateDevicePolicyRequest request, ScimDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["A name of 1 to 200 characters is required."] });
        }
        var policy = await db.DevicePolicies.FirstOrDefaultAsync(p => p.Id == id && p.OrganizationId == organizationId, cancellationToken);
        if (policy is null)
        {
            return TypedResults.NotFound();
        }
        policy.Name = request.Name.Trim();
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return TypedResults.Problem($"A device policy named '{policy.Name}' exists in this organization.", statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Ok(ToDto(policy));
    }

    private static async Task<Results<Ok<DeviceDto>, NotFound>> GetDeviceAsync(Guid organizationId, Guid id, ScimDbContext db, CancellationToken cancellationToken) =>
        await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.OrganizationId == organizationId, cancellationToken) is { } device
            ? TypedResults.Ok(ToDto(device))
            : TypedResults.NotFound();

    /// <summary>Edits a device; its MDM employee is how it is assigned (null unassigns it).</summary>
    private static async Task<Results<Ok<DeviceDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateDeviceAsync(
        Guid organizationId, Guid id, UpdateDeviceRequest request, ScimDbContext db, CancellationToken cancellationToken)
    {
        var device = await db.Devices.FirstOrDefaultAsync(d => d.Id == id && d.OrganizationId == organizationId, cancellationToken);
        if (device is null)
        {
            return TypedResults.NotFound();
        }
        var errors = await ValidateAsync(organizationId, request.Name, request.Platform, request.SerialNumber, request.DevicePolicyId, request.MdmEmployeeId, db, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        device.Name = request.Name.Trim();
        device.Platform = request.Platform.Trim();
        device.SerialNumber = request.SerialNumber.Trim();
        device.DevicePolicyId = request.DevicePolicyId;
        device.MdmEmployeeId = request.MdmEmployeeId;
        if (!await TrySaveAsync(db, cancellationToken))
        {
            return TypedResults.Problem($"A device with serial number {device.SerialNumber} exists in this organization.", statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Ok(ToDto(device));
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(
        Guid organizationId, string? name, string? platform, string? serialNumber, Guid devicePolicyId, Guid? mdmEmployeeId,
        ScimDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            errors["name"] = ["A name of 1 to 200 characters is required."];
        }
        if (string.IsNullOrWhiteSpace(platform) || platform.Length > 64)
        {
            errors["platform"] = ["A platform of 1 to 64 characters is required (e.g. iOS, Android, macOS, Windows)."];
        }
        if (string.IsNullOrWhiteSpace(serialNumber) || serialNumber.Length > 128)
        {
            errors["serialNumber"] = ["A serial number of 1 to 128 characters is required."];
        }
        if (!await db.DevicePolicies.AnyAsync(p => p.Id == devicePolicyId && p.OrganizationId == organizationId, cancellationToken))
        {
            errors["devicePolicyId"] = ["No such device policy in this organization."];
        }
        if (mdmEmployeeId is { } employee
            && !await db.MdmEmployees.AnyAsync(e => e.Id == employee && e.OrganizationId == organizationId, cancellationToken))
        {
            errors["mdmEmployeeId"] = ["No such MDM employee in this organization."];
        }
        return errors;
    }

    private static async Task<bool> TrySaveAsync(ScimDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
    }

    public static DevicePolicyDto ToDto(DevicePolicy p) => new(p.Id, p.OrganizationId, p.Name);

    public static DeviceDto ToDto(Device d) => new(d.Id, d.OrganizationId, d.Name, d.Platform, d.SerialNumber, d.MdmEmployeeId, d.DevicePolicyId);
}
