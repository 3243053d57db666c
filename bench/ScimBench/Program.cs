using Provisioning.Bench;
using Provisioning.Bench.Throughput;

// Two benchmarks on the real system (PostgreSQL, Redis, the Gateway) started through the AppHost:
//   dotnet run -c Release --project bench/ScimBench [users] [members]
//     the SCIM hot paths against the naive designs they replace, in one process;
//   dotnet run -c Release --project bench/ScimBench throughput [--users N] [--seconds S] [--rounds R]
//     throughput with wrk, nginx and pgbench side by side (bench/throughput/run.sh installs them).
if (args.FirstOrDefault() == "throughput")
{
    await ThroughputBench.RunAsync(ThroughputOptions.Parse(args[1..]));
    return;
}

var users = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 50_000;
var members = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;

await using var system = await BenchSystem.StartAsync();
var tenant = await system.CreateTenantAsync();
Console.WriteLine($"Seeding {users:N0} users and a group of {members:N0} members …");
await Seeding.SeedAsync(system, tenant, users, members);

var report = new Report();
await UserLookupBench.RunAsync(system, tenant, users, report);
await MembershipBench.RunAsync(system, tenant, members, report);
report.Print();
