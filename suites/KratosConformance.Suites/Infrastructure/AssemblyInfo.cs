// Conformance tests spend their time waiting on HTTP and mail, not on the CPU: more workers than cores keeps the
// whole matrix fast (issue 5: under 20 s in-process). Isolation comes from data (one identity per test).
[assembly: LevelOfParallelism(16)]
