// The heaviest ezkl networks (nanoGPT, mnist_gan) in their own file so each file stays short.
import { describeEzklDifferential } from "./ezkl-diff.js";
import { HEAVY_NETWORKS } from "./support.js";

describeEzklDifferential(HEAVY_NETWORKS);
