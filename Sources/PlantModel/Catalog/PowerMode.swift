/// The power setting a rack runs at: NVIDIA's Max-P (full GPU power, the mode MLPerf results are run in unless
/// they say otherwise) or Max-Q (power-capped, more tokens per watt, fewer per GPU).
public enum PowerMode: String, FileEnum {
    case maxP = "Max-P", maxQ = "Max-Q"
}
