/* fuzz_main.c - standalone driver for fuzz targets, so that ctest replays
 * them without libFuzzer: every file named on the command line (or every
 * file of a directory) is one input; then `--generated N` inputs from a
 * fixed-seed generator.  Prints "N passed, 0 failed" (a failing input
 * aborts inside the target). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t buf[1 << 16];
    size_t n;

    if (!f)
        return 0;
    n = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    LLVMFuzzerTestOneInput(buf, n);
    return 1;
}

static int run_dir(const char *dir)
{
    char path[4096];
    struct dirent *e;
    DIR *d = opendir(dir);
    int count = 0;

    if (!d)
        return run_file(dir);
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        count += run_file(path);
    }
    closedir(d);
    return count;
}

int main(int argc, char **argv)
{
    uint64_t state = 0x2545f4914f6cdd1dull;
    int i, count = 0;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--generated") == 0 && i + 1 < argc) {
            int n = atoi(argv[++i]), j;
            for (j = 0; j < n; j++) {
                uint8_t buf[2048];
                size_t k, len = 64 + (size_t)(state % 1900);
                for (k = 0; k < len; k++) {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    buf[k] = (uint8_t)state;
                }
                /* Half the inputs run without injected allocation failures. */
                if (j % 2 == 0)
                    buf[0] = buf[1] = 0;
                LLVMFuzzerTestOneInput(buf, len);
                count++;
            }
        } else {
            count += run_dir(argv[i]);
        }
    }
    printf("%d passed, 0 failed\n", count);
    return count ? 0 : 1;
}
