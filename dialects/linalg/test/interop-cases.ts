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
};
