namespace Provisioning.Contracts;

/// <summary>One audit log entry as the Admin UI shows it: when, who, from where, what, on what.</summary>
public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Actor, string? ActorIp, string Action, string Target);

/// <summary>A page of an organization's audit log, newest first.</summary>
public sealed record AuditPage(int TotalResults, int Page, int PageSize, IReadOnlyList<AuditEntryDto> Items);

/// <summary>An action the Admin UI did on ScimService's data, to be recorded (one of <see cref="AuditActions.ReportedByAdminUi"/>).</summary>
public sealed record RecordAuditRequest(string Action, string Target);
