from ikutool.cli.app import main

main()
