module github.com/libacd/acd-go/examples/demo

go 1.19

require github.com/libacd/acd-go v0.0.0

replace github.com/libacd/acd-go => ../../../bindings/go
