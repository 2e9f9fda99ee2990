module example.com/banner

go 1.17

require example.com/shout v0.4.1
