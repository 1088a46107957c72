// operator new for the program linked with mimalloc. mimalloc's own operator new, built as C, calls
// abort() when memory runs out (the new-handler it looks for is never seen across the shared
// library): sixteen alias bombs under a 4 GB address limit ended in exit 134 with no message. Here
// `new` takes its memory from malloc (mimalloc's, just as fast) and throws std::bad_alloc when
// there is none, which the batch reports against the file that asked for it (exit 2).
#include <cstdlib>
#include <new>

namespace {

void* allocate(std::size_t size) {
    for (;;) {
        if (void* p = std::malloc(size ? size : 1)) return p;
        std::new_handler handler = std::get_new_handler();
        if (!handler) throw std::bad_alloc();
        handler();
    }
}

}  // namespace

void* operator new(std::size_t size) {
    return allocate(size);
}
void* operator new[](std::size_t size) {
    return allocate(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    return std::malloc(size ? size : 1);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    return std::malloc(size ? size : 1);
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete[](void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
