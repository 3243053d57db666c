namespace Provisioning.ScimService.Bulk;

/// <summary>
/// The order a bulk request's operations run in, worked out once before any of them runs:
/// request order, except that an operation first pulls in the operations that create the
/// bulkIds it refers to (a depth-first walk, so the whole plan is linear in operations plus
/// references). Operations whose references form a cycle — or lean on one — can never resolve;
/// they are found here, up front, and answered without running.
/// </summary>
public sealed class BulkSchedule
{
    private readonly IReadOnlyList<BulkOperation> _operations;
    private readonly IReadOnlyList<string>[] _references;
    private readonly Dictionary<string, int> _creators = new(StringComparer.Ordinal);
    private readonly Visit[] _visits;
    private readonly List<int> _order;

    private enum Visit { NotYet, InProgress, Done, Blocked }

    private BulkSchedule(IReadOnlyList<BulkOperation> operations)
    {
        _operations = operations;
        _references = operations.Select(op => (IReadOnlyList<string>)op.References().ToList()).ToArray();
        _visits = new Visit[operations.Count];
        _order = new List<int>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            // BulkRequest.Parse refuses a request that repeats a bulkId, so each has one creator.
            if (operations[i].BulkId is { } bulkId)
            {
                _creators.Add(bulkId, i);
            }
        }
    }

    /// <summary>Indices into the request's operations, in the order they run; blocked ones come last.</summary>
    public IReadOnlyList<int> Order { get; private set; } = [];

    /// <summary>The operations that refer, directly or through others, to a cycle of bulkIds.</summary>
    public bool IsBlocked(int index) => _visits[index] == Visit.Blocked;

    public IReadOnlyList<string> ReferencesOf(int index) => _references[index];

    public static BulkSchedule Plan(IReadOnlyList<BulkOperation> operations)
    {
        var schedule = new BulkSchedule(operations);
        for (var i = 0; i < operations.Count; i++)
        {
            schedule.Walk(i);
        }
        schedule.Order = [.. schedule._order, .. Enumerable.Range(0, operations.Count).Where(schedule.IsBlocked)];
        return schedule;
    }

    /// <summary>Schedules what <paramref name="index"/> refers to, then it; false when that meets a cycle.</summary>
    private bool Walk(int index)
    {
        switch (_visits[index])
        {
            case Visit.Done:
                return true;
            case Visit.InProgress:
            case Visit.Blocked:
                return false;
        }
        _visits[index] = Visit.InProgress;
        var resolvable = true;
        foreach (var reference in _references[index])
        {
            // A bulkId no operation creates fails when its operation runs; nothing to order here.
            if (_creators.TryGetValue(reference, out var creator))
            {
                resolvable &= Walk(creator);
            }
        }
        _visits[index] = resolvable ? Visit.Done : Visit.Blocked;
        if (resolvable)
        {
            _order.Add(index);
        }
        return resolvable;
    }
}
