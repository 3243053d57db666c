namespace Provisioning.Gateway.RateLimiting;

/// <summary>Thrown before a credential look-up that the caller's address may not make now.</summary>
public sealed class AddressLimitedException(TimeSpan retryAfter) : Exception("Too many refused credentials from this address.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>
/// One SCIM request's claim on its address's budget of refused credentials. A look-up at
/// PolicyService reserves a token first, so a flood of made-up tokens stops at the Gateway;
/// an accepted credential gives it back, so valid traffic never spends the budget.
/// </summary>
public sealed class FailureAllowance(AddressBuckets buckets, HttpContext context)
{
    private bool _taken;
    private string? _address;

    /// <summary>Worked out on the first claim only: an accepted credential from the cache never needs it.</summary>
    private string Address => _address ??= ClientAddress.Of(context);

    /// <summary>Takes a token unless this request holds one already; throws when the address has none left.</summary>
    public void Take()
    {
        if (_taken)
        {
            return;
        }
        if (!buckets.TryTake(Address, out var retryAfter))
        {
            throw new AddressLimitedException(retryAfter);
        }
        _taken = true;
    }

    public void GiveBack()
    {
        if (_taken)
        {
            buckets.Return(Address);
            _taken = false;
        }
    }
}
