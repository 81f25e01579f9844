// Allowed values of ONNX string attributes that Operators.md documents as enumerations (the
// schema table keeps only names, types and defaults, so the cases are listed here by hand).
const AUTO_PAD = ["NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"];
const DIRECTION = ["forward", "reverse", "bidirectional"];
const REDUCTION = ["none", "add", "mul", "max", "min"];
const LOSS_REDUCTION = ["none", "sum", "mean"];
const COORDINATE_MODES = ["half_pixel", "half_pixel_symmetric", "pytorch_half_pixel", "align_corners", "asymmetric", "tf_crop_and_resize"];

/** op type -> attribute name -> allowed values. */
export const STRING_ENUMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  AveragePool: { auto_pad: AUTO_PAD },
  Conv: { auto_pad: AUTO_PAD },
  ConvInteger: { auto_pad: AUTO_PAD },
  ConvTranspose: { auto_pad: AUTO_PAD },
  LpPool: { auto_pad: AUTO_PAD },
  MaxPool: { auto_pad: AUTO_PAD },
  QLinearConv: { auto_pad: AUTO_PAD },
  BitShift: { direction: ["LEFT", "RIGHT"] },
  Cast: { round_mode: ["up", "down"] },
  CastLike: { round_mode: ["up", "down"] },
  DepthToSpace: { mode: ["DCR", "CRD"] },
  Gelu: { approximate: ["none", "tanh"] },
  GridSample: { mode: ["linear", "nearest", "cubic"], padding_mode: ["zeros", "border", "reflection"] },
  GRU: { direction: DIRECTION },
  LSTM: { direction: DIRECTION },
  RNN: { direction: DIRECTION },
  Pad: { mode: ["constant", "reflect", "edge", "wrap"] },
  Resize: {
    coordinate_transformation_mode: COORDINATE_MODES,
    keep_aspect_ratio_policy: ["stretch", "not_larger", "not_smaller"],
    mode: ["nearest", "linear", "cubic"],
    nearest_mode: ["round_prefer_floor", "round_prefer_ceil", "floor", "ceil"],
  },
  RoiAlign: { coordinate_transformation_mode: ["half_pixel", "output_half_pixel"], mode: ["avg", "max"] },
  ScatterElements: { reduction: REDUCTION },
  ScatterND: { reduction: REDUCTION },
  NegativeLogLikelihoodLoss: { reduction: LOSS_REDUCTION },
  SoftmaxCrossEntropyLoss: { reduction: LOSS_REDUCTION },
  StringNormalizer: { case_change_action: ["LOWER", "UPPER", "NONE"] },
};
