# Installation (GNUInstallDirs) and the Debian package (cpack -G DEB).
#   bin/vetcheck
#   share/man/man1/vetcheck.1.gz
#   share/bash-completion/completions/vetcheck
#   share/zsh/vendor-completions/_vetcheck
#   share/vetcheck/packs/*.yaml          (the shipped packs, also built into the binary)
#   share/doc/vetcheck/                  (README and the format documents)
include(GNUInstallDirs)

install(TARGETS vetcheck RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Debian installs manual pages compressed; without gzip the page is installed as it is.
find_program(VETCHECK_GZIP gzip)
if(VETCHECK_GZIP)
  set(VETCHECK_MAN_PAGE ${PROJECT_BINARY_DIR}/vetcheck.1.gz)
  add_custom_command(
    OUTPUT ${VETCHECK_MAN_PAGE}
    COMMAND ${VETCHECK_GZIP} -9nc ${PROJECT_SOURCE_DIR}/docs/vetcheck.1 > ${VETCHECK_MAN_PAGE}
    DEPENDS ${PROJECT_SOURCE_DIR}/docs/vetcheck.1
    COMMENT "Compressing the manual page")
  add_custom_target(vetcheck_man ALL DEPENDS ${VETCHECK_MAN_PAGE})
else()
  set(VETCHECK_MAN_PAGE ${PROJECT_SOURCE_DIR}/docs/vetcheck.1)
endif()
install(FILES ${VETCHECK_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

install(FILES completions/vetcheck.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME vetcheck)
install(FILES completions/_vetcheck DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${VETCHECK_PACK_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/vetcheck/packs)
install(FILES README.md docs/plans.md docs/packs.md docs/ci.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME vetcheck)
set(CPACK_PACKAGE_VENDOR "vetcheck")
set(CPACK_PACKAGE_CONTACT "vetcheck maintainers <vetcheck@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "check vocational-education plans against the policy targets they must meet")
set(CPACK_PACKAGE_DESCRIPTION
    "vetcheck checks local plans and school reports for vocational education (YAML) against the\n"
    "targets of national, provincial and city policy documents, and says which targets pass,\n"
    "which fail and what it would take to pass. Reports for terminals, CI (JSON, JUnit, SARIF,\n"
    "GitHub annotations), pull requests (Markdown) and analysts (CSV, HTML).")
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # vetcheck_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends from the libraries the binary links (libfmt, libyaml, libstdc++, libc): dpkg-shlibdeps
# from dpkg-dev, and the `file` program, are needed to build the package.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
include(CPack)
