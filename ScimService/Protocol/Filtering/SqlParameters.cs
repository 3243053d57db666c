using Npgsql;
using NpgsqlTypes;

namespace Provisioning.ScimService.Protocol.Filtering;

/// <summary>The parameters of one translated filter, named f0, f1, … and written @f0, @f1, … in the SQL.</summary>
internal sealed class SqlParameters
{
    private readonly List<NpgsqlParameter> _parameters = [];

    public IReadOnlyList<NpgsqlParameter> All => _parameters;

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string Add(object value, NpgsqlDbType type)
    {
        if (value is string text && !StorableText.IsStorable(text))
        {
            throw ScimProtocolException.BadRequest(ScimType.InvalidFilter,
                "A filter value may not contain the NUL character (U+0000) or unpaired surrogates.");
        }
        var name = "f" + _parameters.Count;
        _parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        return "@" + name;
    }
}
