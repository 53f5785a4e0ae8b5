/* Test-environment fix for running ceping.exe under wine 8, not part of
 * what ships: Rust's standard library (1.78 and later) takes its random
 * numbers from ProcessPrng in bcryptprimitives.dll, which Windows 10 and
 * 11 have and wine 8 lacks, so every ceping.exe would die at start-up.
 * Placed beside the exe, this DLL provides ProcessPrng through
 * RtlGenRandom (SystemFunction036 in advapi32), which wine has.
 * Built by scripts/cross-test.sh:
 *   x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll \
 *     bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    /* RtlGenRandom takes a ULONG length: fill larger requests in pieces. */
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
