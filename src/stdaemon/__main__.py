from stdaemon.cli import main

main()
