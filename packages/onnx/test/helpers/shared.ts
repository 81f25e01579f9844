// Location of the shared test data (../shared beside the repository), read in place.
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** /…/shared, computed from this compiled file (packages/onnx/dist/test/helpers/shared.js). */
export const SHARED_DIR = fileURLToPath(new URL("../../../../../../shared/", import.meta.url));
export const ONNX_TESTS_DIR = join(SHARED_DIR, "onnx-tests");
export const NODE_TESTS_DIR = join(ONNX_TESTS_DIR, "node");
export const EZKL_MODELS_DIR = join(SHARED_DIR, "models", "ezkl");
/** Repository root (npm workspaces hoist packages into its node_modules). */
export const REPO_ROOT = fileURLToPath(new URL("../../../../../", import.meta.url));
/** The three real wake-word classifiers shipped by the openwakeword-js devDependency. */
export const OPENWAKEWORD_MODELS_DIR = join(REPO_ROOT, "node_modules", "openwakeword-js", "models");
