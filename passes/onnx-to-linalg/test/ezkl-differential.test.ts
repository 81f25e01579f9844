// The ezkl networks except the two heaviest (see ezkl-heavy.test.ts): linalg and fused results
// equal the onnx level's.
import { describeEzklDifferential } from "./ezkl-diff.js";
import { HEAVY_NETWORKS, ezklNames } from "./support.js";

describeEzklDifferential(ezklNames().filter((n) => !(HEAVY_NETWORKS as readonly string[]).includes(n)));
