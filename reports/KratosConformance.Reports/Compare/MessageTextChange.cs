namespace KratosConformance.Reports.Compare;

/// <summary>
/// A ui message id whose text differs between the runs (e.g. 1010014 reworded between v25.4.0 and v26.2.0). Collected
/// over all steps of each run, so a text change shows even when the step carrying it moved. Texts are normalised
/// (addresses, uuids, timestamps replaced) so per-test data is not reported as a change.
/// </summary>
public sealed record MessageTextChange(long MessageId, IReadOnlyList<string> TextsA, IReadOnlyList<string> TextsB);
