using System.Buffers.Text;
using Provisioning.ScimService.Protocol;

namespace Provisioning.ScimService.Protocol.Querying;

/// <summary>RFC 9865 cursors: the id of the last resource on the page, opaque to the client.</summary>
public static class Cursors
{
    public static string Encode(Guid lastId) => Base64Url.EncodeToString(lastId.ToByteArray(bigEndian: true));

    /// <summary>Null for the empty cursor, which asks for the first page.</summary>
    public static Guid? Decode(string cursor)
    {
        if (cursor.Length == 0)
        {
            return null;
        }
        if (cursor.Length == 22 && Base64Url.IsValid(cursor))
        {
            var bytes = Base64Url.DecodeFromChars(cursor);
            if (bytes.Length == 16)
            {
                return new Guid(bytes, bigEndian: true);
            }
        }
        throw ScimProtocolException.BadRequest("invalidCursor", "The cursor is not one this server issued. Start again with an empty cursor.");
    }
}
