// Modules covering every op of linalg (and the tensor/math ops they use), in our pretty or
// generic form, for the mlir-opt-19 interop test.
export const CASES: Record<string, string> = {
  generic: `#id = affine_map<(d0, d1) -> (d0, d1)>
  func.func @f(%a: tensor<2x3xf32>, %o: tensor<2xf32>, %s: f32) -> (tensor<2xf32>, tensor<2x3xi32>) {
    %0 = linalg.generic {indexing_maps = [#id, affine_map<(d0, d1) -> ()>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"], doc = "row sums", library_call = "rowsum"} ins(%a, %s : tensor<2x3xf32>, f32) outs(%o : tensor<2xf32>) attrs = {zk.note = 1 : i64} {
    ^bb0(%x: f32, %y: f32, %acc: f32):
      %m = arith.mulf %x, %y : f32
      %r = arith.addf %m, %acc : f32
      linalg.yield %r : f32
    } -> tensor<2xf32>
    %e = tensor.empty() : tensor<2x3xi32>
    %1 = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<2x3xi32>) {
    ^bb0(%out: i32):
      %i = linalg.index 0 : index
      %j = linalg.index 1 : index
      %k = arith.addi %i, %j : index
      %v = arith.index_cast %k : index to i32
      linalg.yield %v : i32
    } -> tensor<2x3xi32>
    return %0, %1 : tensor<2xf32>, tensor<2x3xi32>
  }`,
  named_contractions: `func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<2x4xf32>, %p: tensor<5x2x3xi8>, %q: tensor<5x3x4xi8>, %r: tensor<5x2x4xi32>, %v: f64) -> (tensor<2x4xf32>, tensor<5x2x4xi32>, tensor<2x4xf32>) {
    %0 = linalg.matmul ins(%a, %b : tensor<2x3xf32>, tensor<3x4xf32>) outs(%c : tensor<2x4xf32>) -> tensor<2x4xf32>
    %1 = linalg.batch_matmul ins(%p, %q : tensor<5x2x3xi8>, tensor<5x3x4xi8>) outs(%r : tensor<5x2x4xi32>) -> tensor<5x2x4xi32>
    %2 = linalg.fill ins(%v : f64) outs(%c : tensor<2x4xf32>) -> tensor<2x4xf32>
    return %0, %1, %2 : tensor<2x4xf32>, tensor<5x2x4xi32>, tensor<2x4xf32>
  }`,
  windows: `func.func @conv(%i: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %o: tensor<1x4x3x3xf32>, %qi: tensor<1x3x8x8xi8>, %qw: tensor<4x3x3x3xi8>, %qo: tensor<1x4x6x6xi32>, %k: tensor<2x2xf32>, %po: tensor<1x3x4x4xf32>, %pi: tensor<1x4x6x6xi32>, %pk: tensor<2x2xi32>, %pio: tensor<1x4x5x5xi32>) -> (tensor<1x4x3x3xf32>, tensor<1x4x6x6xi32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x4x5x5xi32>, tensor<1x4x5x5xi32>) {
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%i, %w : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) outs(%o : tensor<1x4x3x3xf32>) -> tensor<1x4x3x3xf32>
    %1 = linalg.conv_2d_nchw_fchw ins(%qi, %qw : tensor<1x3x8x8xi8>, tensor<4x3x3x3xi8>) outs(%qo : tensor<1x4x6x6xi32>) -> tensor<1x4x6x6xi32>
    %2 = linalg.pooling_nchw_max {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>} ins(%i, %k : tensor<1x3x8x8xf32>, tensor<2x2xf32>) outs(%po : tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
    %3 = linalg.pooling_nchw_sum {strides = dense<2> : tensor<2xi64>} ins(%i, %k : tensor<1x3x8x8xf32>, tensor<2x2xf32>) outs(%po : tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
    %4 = linalg.pooling_nchw_max ins(%pi, %pk : tensor<1x4x6x6xi32>, tensor<2x2xi32>) outs(%pio : tensor<1x4x5x5xi32>) -> tensor<1x4x5x5xi32>
    %5 = linalg.pooling_nchw_sum ins(%pi, %pk : tensor<1x4x6x6xi32>, tensor<2x2xi32>) outs(%pio : tensor<1x4x5x5xi32>) -> tensor<1x4x5x5xi32>
    return %0, %1, %2, %3, %4, %5 : tensor<1x4x3x3xf32>, tensor<1x4x6x6xi32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x4x5x5xi32>, tensor<1x4x5x5xi32>
  }`,
  data_movement_and_user_bodies: `func.func @tr(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>, %c: tensor<3xf32>, %d: tensor<3x5xf32>, %e: tensor<3xf32>, %t: tensor<2x3x4xi32>, %u: tensor<4x2x3xi32>) -> (tensor<3x2xf32>, tensor<3x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<4x2x3xi32>) {
    %0 = linalg.transpose ins(%a : tensor<2x3xf32>) outs(%b : tensor<3x2xf32>) permutation = [1, 0]
    %1 = linalg.broadcast ins(%c : tensor<3xf32>) outs(%d : tensor<3x5xf32>) dimensions = [1]
    %2 = linalg.reduce ins(%d : tensor<3x5xf32>) outs(%e : tensor<3xf32>) dimensions = [1] (%in: f32, %init: f32) {
      %s = arith.addf %in, %init : f32
      linalg.yield %s : f32
    }
    %3 = linalg.map ins(%c, %e : tensor<3xf32>, tensor<3xf32>) outs(%e : tensor<3xf32>) (%x: f32, %y: f32) {
      %s = math.powf %x, %y fastmath<fast> : f32
      linalg.yield %s : f32
    }
    %4 = linalg.transpose ins(%t : tensor<2x3x4xi32>) outs(%u : tensor<4x2x3xi32>) permutation = [2, 0, 1]
    return %0, %1, %2, %3, %4 : tensor<3x2xf32>, tensor<3x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<4x2x3xi32>
  }`,
};
