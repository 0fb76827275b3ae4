module github.com/libacd/acd-go

go 1.19
